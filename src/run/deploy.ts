// Reads and writes the Cloud Run job or service, waits for the long-running operation,
// and for a service until it is Ready.
import type { Config } from '../config/types.js';
import { isNotFound, readApiError, statusLabel, unlessNotFound } from '../errors/api-error.js';
import { ActionError } from '../errors/explain.js';
import type { Api } from '../google/api.js';
import type { GoogleClients, Operation } from '../google/clients.js';
import { pollUntil } from '../google/poll.js';
import { createProgress } from '../report/log.js';
import type { WorkloadStep } from '../plan/planner.js';
import { serviceReadiness, type RunResource, type RunService } from './workload.js';

type Kind = Config['kind'];

const label = (kind: Kind) => (kind === 'job' ? 'Cloud Run job' : 'Cloud Run service');

/**
 * A read that reached no Cloud Run API: in a region Cloud Run does not serve, the front end
 * answers 404 with a generic "The requested URL ... was not found on this server" (an HTML page
 * or JSON), or 400. A missing job or service is a 404 that names the resource instead.
 */
export function isRegionNotServed(err: unknown): boolean {
  const facts = readApiError(err);
  if (facts.httpStatus === 400 || facts.grpcCode === 3) return true;
  return (facts.httpStatus === 404 || facts.grpcCode === 5) && /was not found on this server|<html/i.test(facts.message);
}

function regionNotServed(name: string, err: unknown): ActionError {
  const region = /\/locations\/([^/]+)\//.exec(name)?.[1] ?? '?';
  return new ActionError(
    `Input 'region': Cloud Run does not serve '${region}': reading ${name} reached no Cloud Run API there ` +
      `(${statusLabel(readApiError(err)) || 'an error'}). Set region to a Cloud Run region, for example us-central1 or europe-west1 ` +
      '(the list: https://cloud.google.com/run/docs/locations, or gcloud run regions list).',
    { resource: name, cause: err },
  );
}

/** The job or service, or undefined when it does not exist. */
export async function readWorkload(api: Api, clients: GoogleClients, kind: Kind, name: string): Promise<RunResource | undefined> {
  return api.call(`reading the ${label(kind)}`, name, async () => {
    try {
      return await clients.run.get<RunResource>(name);
    } catch (err) {
      if (isRegionNotServed(err)) throw regionNotServed(name, err);
      if (isNotFound(err)) return undefined;
      throw err;
    }
  });
}

class OperationError extends Error {}

/** Waits for the operation; answers its result (the job or service as written), if it gives one. */
async function waitForOperation(api: Api, clients: GoogleClients, kind: Kind, op: Operation<RunResource>, resource: string): Promise<RunResource | undefined> {
  let latest = op;
  if (!latest.done && op.name) {
    const progress = createProgress(`${label(kind)} ${resource.split('/').pop()}`);
    latest = await pollUntil({
      read: () => api.call(`waiting for the ${label(kind)} operation`, resource, () => clients.run.get<Operation<RunResource>>(op.name!)),
      onRead: (o) => progress.update({ status: o.done ? 'operation done' : 'operation running' }, Boolean(o.done)),
      finished: (o) => Boolean(o.done),
      deadline: api.deadline,
      onTimeout: () => new Error(`The ${label(kind)} operation ${op.name} did not finish before the step's deadline.`),
    });
  }
  if (latest.error) {
    throw new OperationError(`The ${label(kind)} ${resource} failed to deploy: ${latest.error.message ?? JSON.stringify(latest.error)}`);
  }
  return latest.response;
}

/**
 * Deletes the job or service and waits for the deletion to finish. One already gone counts
 * as deleted. Answers whether this call deleted it.
 */
export async function deleteWorkload(api: Api, clients: GoogleClients, kind: Kind, name: string): Promise<boolean> {
  const op = await api.call(`deleting the ${label(kind)}`, name, () => unlessNotFound(() => clients.run.delete<RunResource>(name)));
  if (!op) return false;
  await waitForOperation(api, clients, kind, op, name);
  return true;
}

/** A service's readiness as one progress line: its newest revision and where it is. */
function readinessLine(s: RunService): { status: string; detail?: string } {
  const revision = s.latestCreatedRevision?.split('/').pop();
  const { ready, failed } = serviceReadiness(s);
  const status = ready ? 'Ready' : failed ? 'not Ready' : 'waiting for Ready';
  const reason = !ready ? (s.terminalCondition?.reason ?? undefined) : undefined;
  return { status, detail: [revision && `revision ${revision}`, reason && String(reason)].filter(Boolean).join(', ') || undefined };
}

async function waitForReady(api: Api, clients: GoogleClients, name: string): Promise<RunService> {
  const progress = createProgress(`Cloud Run service ${name.split('/').pop()}`);
  const service = await pollUntil({
    read: () => api.call('waiting for the Cloud Run service to be Ready', name, () => clients.run.get<RunService>(name)),
    onRead: (s) => progress.update(readinessLine(s), serviceReadiness(s).ready || serviceReadiness(s).failed !== undefined),
    finished: (s) => serviceReadiness(s).ready || serviceReadiness(s).failed !== undefined,
    deadline: api.deadline,
    onTimeout: (s) =>
      new Error(`The Cloud Run service ${name} did not become Ready in time${s?.terminalCondition?.message ? `: ${s.terminalCondition.message}` : ''}.`),
  });
  const failed = serviceReadiness(service).failed;
  if (failed) throw new Error(`The Cloud Run service ${name} did not become Ready: ${failed}`);
  return service;
}

/** The service when it is Ready; waits while it is getting there; fails when it will not be. */
async function ensureReady(api: Api, clients: GoogleClients, name: string, service: RunService): Promise<RunService> {
  const { ready, failed } = serviceReadiness(service);
  if (failed) throw new Error(`The Cloud Run service ${name} is not Ready: ${failed}`);
  return ready ? service : waitForReady(api, clients, name);
}

function parentOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/', name.lastIndexOf('/') - 1));
}

/**
 * Applies the workload step. A create that meets ALREADY_EXISTS (another writer won) and an
 * update that meets a stale etag (ABORTED) re-read and re-plan, then write again.
 */
export async function applyWorkload(
  api: Api,
  clients: GoogleClients,
  kind: Kind,
  name: string,
  step: WorkloadStep,
  replan: (current: RunResource | undefined) => WorkloadStep,
  /** The job or service as the read phase saw it: an unchanged one is not read again. */
  known?: RunResource,
): Promise<RunResource> {
  let current = step;
  let written: RunResource | undefined;
  for (let attempt = 1; ; attempt++) {
    if (current.change.action === 'unchanged' || !current.body) {
      const resource = attempt === 1 && known ? known : (await readWorkload(api, clients, kind, name))!;
      // Nothing to write, but a service whose last revision failed is not a success.
      return kind === 'service' ? ensureReady(api, clients, name, resource as RunService) : resource;
    }
    const create = current.change.action === 'create';
    const id = name.slice(name.lastIndexOf('/') + 1);
    try {
      const collection = kind === 'job' ? 'jobs' : 'services';
      const body = { ...current.body, name: create ? undefined : name };
      const op = await api.call(`${create ? 'creating' : 'updating'} the ${label(kind)}`, name, () =>
        create ? clients.run.create<RunResource>(parentOf(name), collection, id, body) : clients.run.replace<RunResource>(name, body),
      );
      written = await waitForOperation(api, clients, kind, op, name);
      break;
    } catch (err) {
      // Someone else wrote first: ALREADY_EXISTS on a create, ABORTED (a stale etag) on an
      // update. (ALREADY_EXISTS on an update is a revision name clash: not a race.)
      const code = readApiError(err).grpcCode;
      const race = create ? code === 6 : code === 10;
      if (!race || attempt >= 3) throw err;
      current = replan(await readWorkload(api, clients, kind, name));
    }
  }
  // The operation's result is the resource as written: no read is needed when it says enough.
  if (kind === 'service') return written ? ensureReady(api, clients, name, written as RunService) : waitForReady(api, clients, name);
  return written?.name ? written : (await readWorkload(api, clients, kind, name))!;
}
